import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { LoginIdField, PasswordField } from '../../common/dto/fields';
import { LoginOptionsDto } from '../../common/dto/login-options.dto';

export class PasswordSignInDto {
  @LoginIdField() loginId!: string;

  @PasswordField() password!: string;

  @ApiPropertyOptional({ type: LoginOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LoginOptionsDto)
  loginOptions?: LoginOptionsDto;
}
