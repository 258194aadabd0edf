import { LoginIdField, OptionalNested } from '../../common/dto/fields';
import { SignUpOptionsDto } from '../../common/dto/login-options.dto';

export class OtpSignUpInDto {
  @LoginIdField('An email address for email; an E.164 number for sms, voice and whatsapp')
  loginId!: string;

  @OptionalNested(SignUpOptionsDto)
  signUpOptions?: SignUpOptionsDto;
}
