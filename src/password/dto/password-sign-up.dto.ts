import { LoginIdField, PasswordField, OptionalNested } from '../../common/dto/fields';
import { LoginOptionsDto } from '../../common/dto/login-options.dto';
import { SignUpUserDto } from '../../common/dto/sign-up-user.dto';

export class PasswordSignUpDto {
  @LoginIdField() loginId!: string;

  @PasswordField("The new user's password; must meet the password policy") password!: string;

  @OptionalNested(SignUpUserDto)
  user?: SignUpUserDto;

  @OptionalNested(LoginOptionsDto)
  loginOptions?: LoginOptionsDto;
}
