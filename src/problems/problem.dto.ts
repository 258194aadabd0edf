import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class FieldErrorDto {
  @ApiProperty({ example: 'loginId' }) field!: string;
  @ApiProperty({ example: 'loginId must be a string' }) message!: string;
}

/** RFC 9457 problem details: every error of the API has this shape. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:problem:invalid_request' }) type!: string;
  @ApiProperty({ example: 'Invalid request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ example: 'Invalid or missing fields: loginId' }) detail!: string;
  @ApiProperty({ example: 'invalid_request' }) code!: string;
  @ApiProperty({ example: '3f0c2a9e-6b1d-4a7e-9a39-1f6f3d2c8b11' }) requestId!: string;
  @ApiPropertyOptional({ example: 30, description: 'Seconds to wait (429 only)' })
  retryAfter?: number;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ example: 'E062107', description: "Descope's own code, when it helps" })
  descopeCode?: string;
}
