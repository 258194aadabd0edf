import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { PasswordField } from '../../common/dto/fields';

export class PasswordResetCompleteDto {
  @ApiProperty({
    example: 'bXktcmVzZXQtdG9rZW4',
    description: 'The token from the reset link (its t= parameter)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  token!: string;

  @PasswordField('The new password; must meet the password policy') newPassword!: string;
}
