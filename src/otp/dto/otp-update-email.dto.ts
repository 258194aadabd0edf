import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, MaxLength } from 'class-validator';
import { OtpUpdateBaseDto } from './otp-update-options.dto';

export class OtpUpdateEmailDto extends OtpUpdateBaseDto {
  @ApiProperty({
    example: 'ada.new@example.com',
    description: 'The new address; the code goes there',
  })
  @IsEmail()
  @MaxLength(254)
  email!: string;
}
