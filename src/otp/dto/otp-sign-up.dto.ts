import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { SignUpOptionsDto } from '../../common/dto/login-options.dto';
import { SignUpUserDto } from '../../common/dto/sign-up-user.dto';
import { Optional } from '../../common/validators';

export class OtpSignUpDto {
  @LoginIdField(
    'An email address for email; an E.164 number for sms, voice and whatsapp — unless user.email / user.phone gives the address',
  )
  loginId!: string;

  @ApiPropertyOptional({ type: SignUpUserDto })
  @Optional()
  @ValidateNested()
  @Type(() => SignUpUserDto)
  user?: SignUpUserDto;

  @ApiPropertyOptional({ type: SignUpOptionsDto })
  @Optional()
  @ValidateNested()
  @Type(() => SignUpOptionsDto)
  signUpOptions?: SignUpOptionsDto;
}
