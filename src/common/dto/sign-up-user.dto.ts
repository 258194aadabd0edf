import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength } from 'class-validator';
import { IsE164, Optional } from '../validators';

/** Profile details given at sign-up. */
export class SignUpUserDto {
  @ApiPropertyOptional({ example: 'grace@example.com' })
  @Optional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: '+14155550100', description: 'E.164' })
  @Optional()
  @IsE164('phone')
  phone?: string;

  @ApiPropertyOptional({ example: 'Grace Hopper' })
  @Optional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'Grace' })
  @Optional()
  @IsString()
  @MaxLength(100)
  givenName?: string;

  @ApiPropertyOptional({ example: 'King' })
  @Optional()
  @IsString()
  @MaxLength(100)
  middleName?: string;

  @ApiPropertyOptional({ example: 'Hopper' })
  @Optional()
  @IsString()
  @MaxLength(100)
  familyName?: string;
}
