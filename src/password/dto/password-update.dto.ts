import { LoginIdField, PasswordField } from '../../common/dto/fields';

export class PasswordUpdateDto {
  @LoginIdField() loginId!: string;
  @PasswordField('The new password; must meet the password policy') newPassword!: string;
}
