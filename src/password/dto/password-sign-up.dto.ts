import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { LoginIdField, PasswordField } from '../../common/dto/fields';
import { LoginOptionsDto } from '../../common/dto/login-options.dto';
import { SignUpUserDto } from '../../common/dto/sign-up-user.dto';
import { Optional } from '../../common/validators';

export class PasswordSignUpDto {
  @LoginIdField() loginId!: string;

  @PasswordField("The new user's password; must meet the password policy") password!: string;

  @ApiPropertyOptional({ type: SignUpUserDto })
  @Optional()
  @ValidateNested()
  @Type(() => SignUpUserDto)
  user?: SignUpUserDto;

  @ApiPropertyOptional({ type: LoginOptionsDto })
  @Optional()
  @ValidateNested()
  @Type(() => LoginOptionsDto)
  loginOptions?: LoginOptionsDto;
}
