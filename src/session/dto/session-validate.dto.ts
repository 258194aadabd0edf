import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from '../../common/validators';

export class SessionValidateDto {
  @ApiProperty({
    example: 'eyJhbGciOiJSUzI1NiIsImtpZCI6IksxIn0.eyJzdWIiOiJVMiJ9.c2ln',
    description: 'The session JWT to check',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(16384)
  sessionJwt!: string;

  @ApiPropertyOptional({ example: ['admin'], type: [String], description: 'Every one is required' })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  roles?: string[];

  @ApiPropertyOptional({
    example: ['docs.write'],
    type: [String],
    description: 'Every one is required',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  permissions?: string[];

  @ApiPropertyOptional({
    example: 'acme',
    description:
      'Check roles and permissions within this tenant only (the user must be a member); ' +
      '"current" names the token\'s current tenant (dct). Without it: project-level grants only',
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  tenant?: string;
}
