import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { SignUpUserDto } from '../../common/dto/sign-up-user.dto';
import { Optional } from '../../common/validators';

export class TotpSignUpDto {
  @LoginIdField() loginId!: string;

  @ApiPropertyOptional({ type: SignUpUserDto })
  @Optional()
  @ValidateNested()
  @Type(() => SignUpUserDto)
  user?: SignUpUserDto;
}
