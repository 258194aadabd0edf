import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { SignUpOptionsDto } from '../../common/dto/login-options.dto';

export class OtpSignUpInDto {
  @LoginIdField('An email address for email; an E.164 number for sms, voice and whatsapp')
  loginId!: string;

  @ApiPropertyOptional({ type: SignUpOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignUpOptionsDto)
  signUpOptions?: SignUpOptionsDto;
}
