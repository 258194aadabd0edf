import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { LoginIdField } from '../../common/dto/fields';
import { SignUpUserDto } from '../../common/dto/sign-up-user.dto';

export class TotpSignUpDto {
  @LoginIdField() loginId!: string;

  @ApiPropertyOptional({ type: SignUpUserDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignUpUserDto)
  user?: SignUpUserDto;
}
