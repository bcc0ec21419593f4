import { Global, Module } from '@nestjs/common';
import { ExportPool } from './export-pool';
import { PrismaService } from './prisma.service';
import { TransactionHost } from './transaction.host';

@Global()
@Module({ providers: [PrismaService, TransactionHost, ExportPool], exports: [PrismaService, TransactionHost, ExportPool] })
export class DatabaseModule {}
