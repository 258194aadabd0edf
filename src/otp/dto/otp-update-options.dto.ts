import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { IsStringRecord, Optional } from '../../common/validators';

/** What email and phone updates share. */
export class OtpUpdateBaseDto {
  @LoginIdField("A login id of the refresh token's own user") loginId!: string;

  @ApiPropertyOptional({ example: true, description: 'Also make the new address a login id' })
  @Optional()
  @IsBoolean()
  addToLoginIDs?: boolean;

  @ApiPropertyOptional({
    example: false,
    description:
      'With addToLoginIDs: when another user already has the address, merge into that user',
  })
  @Optional()
  @IsBoolean()
  onMergeUseExisting?: boolean;

  @ApiPropertyOptional({ example: { appName: 'Acme' } })
  @Optional()
  @IsStringRecord()
  templateOptions?: Record<string, string>;
}
