import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { LoginIdField, PasswordField } from '../../common/dto/fields';
import { LoginOptionsDto } from '../../common/dto/login-options.dto';
import { Optional } from '../../common/validators';

export class PasswordSignInDto {
  @LoginIdField() loginId!: string;

  @PasswordField() password!: string;

  @ApiPropertyOptional({ type: LoginOptionsDto })
  @Optional()
  @ValidateNested()
  @Type(() => LoginOptionsDto)
  loginOptions?: LoginOptionsDto;
}
