import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { LoginIdField, OptionalNested } from '../../common/dto/fields';
import { StepUpLoginOptionsDto } from '../../common/dto/login-options.dto';

export class TotpVerifyDto {
  @LoginIdField() loginId!: string;

  @ApiProperty({
    example: '492039',
    description: 'The 6-digit code the authenticator app shows now',
  })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;

  @OptionalNested(StepUpLoginOptionsDto)
  loginOptions?: StepUpLoginOptionsDto;
}
