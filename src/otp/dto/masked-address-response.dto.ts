import { ApiPropertyOptional } from '@nestjs/swagger';

export class MaskedAddressResponseDto {
  @ApiPropertyOptional({
    example: 'a***@example.com',
    description:
      'Where the code went, masked: present when the login id (or, on an update, the new address) ' +
      "is an address of the channel's kind; left out for usernames, known and unknown alike",
  })
  maskedAddress?: string;
}
