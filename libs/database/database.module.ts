import { Global, Module } from '@nestjs/common';
import { ExportPool } from './export-pool';
import { Foreground } from './foreground';
import { PrismaService } from './prisma.service';
import { TransactionHost } from './transaction.host';

@Global()
@Module({ providers: [PrismaService, TransactionHost, ExportPool, Foreground], exports: [PrismaService, TransactionHost, ExportPool, Foreground] })
export class DatabaseModule {}
