import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Matches, Max, Min } from 'class-validator';
import { VoucherDiscount } from '@lectern/database/generated/enums';
import { CreateVoucherInput, UpdateVoucherInput } from '@lectern/domains/registrations/vouchers.types';
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

export class CreateVoucherDto implements CreateVoucherInput {
  @ApiProperty({ example: 'SPEAKER-2019', description: '4-40 letters, digits or "-"; case does not matter' })
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z0-9-]{4,40}$/)
  code!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ticketTypeId!: string;

  @ApiProperty({ enum: VoucherDiscount })
  @IsEnum(VoucherDiscount)
  discount!: VoucherDiscount;

  @ApiPropertyOptional({ description: 'Percent (1-100) for PERCENT, minor currency units for FIXED; omit for FREE' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  discountValue?: number;

  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  maxUses!: number;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validFrom?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validUntil?: string;
}

export class UpdateVoucherDto implements UpdateVoucherInput {
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) maxUses?: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validFrom?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  validUntil?: string | null;
}

export class VoucherDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ format: 'uuid' }) ticketTypeId!: string;
  @ApiProperty({ enum: VoucherDiscount }) discount!: VoucherDiscount;
  @ApiProperty() discountValue!: number;
  @ApiProperty() maxUses!: number;
  @ApiProperty({ description: 'Held by registrations that are not cancelled' }) uses!: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) validFrom!: Date | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) validUntil!: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: Date;
}

export class VoucherPageDto {
  @ApiProperty({ type: [VoucherDto] }) items!: VoucherDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
