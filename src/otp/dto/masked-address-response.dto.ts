import { ApiProperty } from '@nestjs/swagger';

export class MaskedAddressResponseDto {
  @ApiProperty({ example: 'a***@example.com', description: 'Where the code went, masked' })
  maskedAddress!: string;
}
