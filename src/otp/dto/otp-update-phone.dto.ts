import { ApiProperty } from '@nestjs/swagger';
import { IsE164 } from '../../common/validators';
import { OtpUpdateBaseDto } from './otp-update-options.dto';

export class OtpUpdatePhoneDto extends OtpUpdateBaseDto {
  @ApiProperty({
    example: '+14155550123',
    description: 'The new number, E.164; the code goes there',
  })
  @IsE164('phone')
  phone!: string;
}
