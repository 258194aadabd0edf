import { ApiProperty } from '@nestjs/swagger';

export class PasswordPolicyResponseDto {
  @ApiProperty({ example: 8 }) minLength!: number;
  @ApiProperty({ example: true }) lowercase!: boolean;
  @ApiProperty({ example: true }) uppercase!: boolean;
  @ApiProperty({ example: true }) number!: boolean;
  @ApiProperty({ example: false }) nonAlphanumeric!: boolean;
}
