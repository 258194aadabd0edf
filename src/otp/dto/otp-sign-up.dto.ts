import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { SignUpOptionsDto } from '../../common/dto/login-options.dto';
import { SignUpUserDto } from '../../common/dto/sign-up-user.dto';

export class OtpSignUpDto {
  @LoginIdField(
    'An email address for email; an E.164 number for sms, voice and whatsapp — unless user.email / user.phone gives the address',
  )
  loginId!: string;

  @ApiPropertyOptional({ type: SignUpUserDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignUpUserDto)
  user?: SignUpUserDto;

  @ApiPropertyOptional({ type: SignUpOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignUpOptionsDto)
  signUpOptions?: SignUpOptionsDto;
}
