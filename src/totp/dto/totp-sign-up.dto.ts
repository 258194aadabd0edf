import { LoginIdField, OptionalNested } from '../../common/dto/fields';
import { SignUpUserDto } from '../../common/dto/sign-up-user.dto';

export class TotpSignUpDto {
  @LoginIdField() loginId!: string;

  @OptionalNested(SignUpUserDto)
  user?: SignUpUserDto;
}
