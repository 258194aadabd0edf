import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export const OTP_METHODS = ['email', 'sms', 'voice', 'whatsapp'] as const;
export const PHONE_METHODS = ['sms', 'voice', 'whatsapp'] as const;
export type OtpMethod = (typeof OTP_METHODS)[number];
export type PhoneMethod = (typeof PHONE_METHODS)[number];

export class OtpMethodParams {
  @ApiProperty({ enum: OTP_METHODS, example: 'email', description: 'Delivery channel' })
  @IsIn(OTP_METHODS, { message: `method must be one of: ${OTP_METHODS.join(', ')}` })
  method!: OtpMethod;
}

export class PhoneMethodParams {
  @ApiProperty({ enum: PHONE_METHODS, example: 'sms', description: 'Delivery channel' })
  @IsIn(PHONE_METHODS, { message: `method must be one of: ${PHONE_METHODS.join(', ')}` })
  method!: PhoneMethod;
}
