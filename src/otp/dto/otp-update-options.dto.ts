import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { IsStringRecord } from '../../common/validators';

/** What email and phone updates share. */
export class OtpUpdateBaseDto {
  @LoginIdField("A login id of the refresh token's own user") loginId!: string;

  @ApiPropertyOptional({ example: true, description: 'Also make the new address a login id' })
  @IsOptional()
  @IsBoolean()
  addToLoginIDs?: boolean;

  @ApiPropertyOptional({
    example: false,
    description:
      'With addToLoginIDs: when another user already has the address, merge into that user',
  })
  @IsOptional()
  @IsBoolean()
  onMergeUseExisting?: boolean;

  @ApiPropertyOptional({ example: { appName: 'Acme' } })
  @IsOptional()
  @IsStringRecord()
  templateOptions?: Record<string, string>;
}
