import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { StepUpLoginOptionsDto } from '../../common/dto/login-options.dto';
import { Optional } from '../../common/validators';

export class OtpSignInDto {
  @LoginIdField("Any login id: Descope delivers to the user's own address")
  loginId!: string;

  @ApiPropertyOptional({ type: StepUpLoginOptionsDto })
  @Optional()
  @ValidateNested()
  @Type(() => StepUpLoginOptionsDto)
  loginOptions?: StepUpLoginOptionsDto;
}
