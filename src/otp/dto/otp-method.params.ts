import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ALL_CHANNELS, OtpChannel, PHONE_CHANNELS, PhoneChannel } from '../../common/otp-channels';

export class OtpMethodParams {
  @ApiProperty({ enum: ALL_CHANNELS, example: 'email', description: 'Delivery channel' })
  @IsIn(ALL_CHANNELS, { message: `method must be one of: ${ALL_CHANNELS.join(', ')}` })
  method!: OtpChannel;
}

export class PhoneMethodParams {
  @ApiProperty({ enum: PHONE_CHANNELS, example: 'sms', description: 'Delivery channel' })
  @IsIn(PHONE_CHANNELS, { message: `method must be one of: ${PHONE_CHANNELS.join(', ')}` })
  method!: PhoneChannel;
}
