import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { IsStringRecord, Optional } from '../../common/validators';

/** What email and phone updates share. */
export class OtpUpdateBaseDto {
  @LoginIdField("A login id of the refresh token's own user") loginId!: string;

  @ApiPropertyOptional({
    example: true,
    description:
      "Also make the new address a login id. Another user's login id is 409 user_exists before " +
      'any code is sent (a management lookup: 400 when the service has no DESCOPE_MANAGEMENT_KEY).',
  })
  @Optional()
  @IsBoolean()
  addToLoginIDs?: boolean;

  @ApiPropertyOptional({
    example: false,
    description:
      "With addToLoginIDs, when another user's login id is the address: merge this account into " +
      "that user's (this refresh token stops working; the session is that user's). Refused (400) " +
      'unless ALLOW_ACCOUNT_MERGE=true; without it, a taken address is 409 user_exists before any ' +
      'code is sent.',
  })
  @Optional()
  @IsBoolean()
  onMergeUseExisting?: boolean;

  @ApiPropertyOptional({ example: { appName: 'Acme' } })
  @Optional()
  @IsStringRecord()
  templateOptions?: Record<string, string>;
}
