import { LoginIdField, OptionalNested } from '../../common/dto/fields';
import { StepUpLoginOptionsDto } from '../../common/dto/login-options.dto';

export class OtpSignInDto {
  @LoginIdField("Any login id: Descope delivers to the user's own address")
  loginId!: string;

  @OptionalNested(StepUpLoginOptionsDto)
  loginOptions?: StepUpLoginOptionsDto;
}
