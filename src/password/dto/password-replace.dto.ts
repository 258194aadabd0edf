import { LoginIdField, PasswordField } from '../../common/dto/fields';

export class PasswordReplaceDto {
  @LoginIdField() loginId!: string;
  @PasswordField('The current password') oldPassword!: string;
  @PasswordField('The new password; must meet the password policy') newPassword!: string;
}
