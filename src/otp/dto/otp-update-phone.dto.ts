import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { OtpUpdateBaseDto } from './otp-update-options.dto';

export class OtpUpdatePhoneDto extends OtpUpdateBaseDto {
  @ApiProperty({
    example: '+14155550123',
    description: 'The new number, E.164; the code goes there',
  })
  @Matches(/^\+[1-9][0-9]{3,14}$/, {
    message: 'phone must be an E.164 number such as +14155550100',
  })
  phone!: string;
}
