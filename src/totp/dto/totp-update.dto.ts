import { LoginIdField } from '../../common/dto/fields';

export class TotpUpdateDto {
  @LoginIdField("A login id of the refresh token's own user") loginId!: string;
}
