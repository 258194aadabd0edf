import { ApiProperty } from '@nestjs/swagger';

export class AcceptedResponseDto {
  @ApiProperty({ example: 'If the account exists, a reset link is on its way' })
  message!: string;
}
