import { LoginIdField, PasswordField, OptionalNested } from '../../common/dto/fields';
import { LoginOptionsDto } from '../../common/dto/login-options.dto';

export class PasswordSignInDto {
  @LoginIdField() loginId!: string;

  @PasswordField() password!: string;

  @OptionalNested(LoginOptionsDto)
  loginOptions?: LoginOptionsDto;
}
