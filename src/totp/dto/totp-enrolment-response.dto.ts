import { ApiProperty } from '@nestjs/swagger';

/** What an authenticator app needs: scan `image`, open `provisioningURL`, or type `key`. */
export class TotpEnrolmentResponseDto {
  @ApiProperty({
    example:
      'otpauth://totp/Acme:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme&algorithm=SHA1&digits=6&period=30',
  })
  provisioningURL!: string;

  @ApiProperty({
    example: 'iVBORw0KGgoAAAANSUhEUgAA…',
    description: 'QR code of provisioningURL: a bare base64 PNG',
  })
  image!: string;

  @ApiProperty({
    example: 'JBSWY3DPEHPK3PXP',
    description: 'The secret, base32, to type in by hand',
  })
  key!: string;
}
