import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { LoginIdField, OptionalNested, PasswordField } from '../../common/dto/fields';
import { Optional } from '../../common/validators';

/** What a replace can do beyond the new password (Descope's replace takes no loginOptions). */
export class ReplaceOptionsDto {
  @ApiPropertyOptional({
    example: true,
    description:
      "End the user's other sessions: every session token issued before the new one is refused " +
      'by this service and the packaged guard, on every instance',
  })
  @Optional()
  @IsBoolean()
  revokeOtherSessions?: boolean;
}

export class PasswordReplaceDto {
  @LoginIdField() loginId!: string;
  @PasswordField('The current password') oldPassword!: string;
  @PasswordField('The new password; must meet the password policy') newPassword!: string;

  @OptionalNested(ReplaceOptionsDto)
  loginOptions?: ReplaceOptionsDto;
}
