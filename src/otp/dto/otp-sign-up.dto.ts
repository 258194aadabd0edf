import { LoginIdField, OptionalNested } from '../../common/dto/fields';
import { SignUpOptionsDto } from '../../common/dto/login-options.dto';
import { SignUpUserDto } from '../../common/dto/sign-up-user.dto';

export class OtpSignUpDto {
  @LoginIdField(
    'An email address for email; an E.164 number for sms, voice and whatsapp — unless user.email / user.phone gives the address',
  )
  loginId!: string;

  @OptionalNested(SignUpUserDto)
  user?: SignUpUserDto;

  @OptionalNested(SignUpOptionsDto)
  signUpOptions?: SignUpOptionsDto;
}
