import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { SignUpOptionsDto } from '../../common/dto/login-options.dto';
import { Optional } from '../../common/validators';

export class OtpSignUpInDto {
  @LoginIdField('An email address for email; an E.164 number for sms, voice and whatsapp')
  loginId!: string;

  @ApiPropertyOptional({ type: SignUpOptionsDto })
  @Optional()
  @ValidateNested()
  @Type(() => SignUpOptionsDto)
  signUpOptions?: SignUpOptionsDto;
}
