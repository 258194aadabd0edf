import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Matches, ValidateNested } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { StepUpLoginOptionsDto } from '../../common/dto/login-options.dto';
import { Optional } from '../../common/validators';

export class TotpVerifyDto {
  @LoginIdField() loginId!: string;

  @ApiProperty({
    example: '492039',
    description: 'The 6-digit code the authenticator app shows now',
  })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code!: string;

  @ApiPropertyOptional({ type: StepUpLoginOptionsDto })
  @Optional()
  @ValidateNested()
  @Type(() => StepUpLoginOptionsDto)
  loginOptions?: StepUpLoginOptionsDto;
}
