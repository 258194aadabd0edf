import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUrl, MaxLength } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { IsStringRecord, Optional } from '../../common/validators';

export class PasswordResetDto {
  @LoginIdField() loginId!: string;

  @ApiPropertyOptional({
    example: 'https://app.example.com/reset-password',
    description: 'Where the reset link points; its origin must be in ALLOWED_REDIRECT_ORIGINS',
  })
  @Optional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(2048)
  redirectUrl?: string;

  @ApiPropertyOptional({ example: { appName: 'Acme' } })
  @Optional()
  @IsStringRecord()
  templateOptions?: Record<string, string>;
}
