import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';

export class OtpVerifyDto {
  @LoginIdField() loginId!: string;

  @ApiProperty({ example: '123456', description: 'The six-digit code that was sent' })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;
}
