import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SessionTenantDto {
  @ApiProperty({
    example: 'acme',
    description: 'Tenant id to select; the new session carries it as dct',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  tenant!: string;
}
