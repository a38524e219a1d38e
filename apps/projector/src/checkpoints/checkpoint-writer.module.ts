import { Module, type DynamicModule } from '@nestjs/common';
import { CHECKPOINT_WRITER_OPTIONS, CheckpointWriterHost } from './checkpoint-writer.host.js';

/** Signed checkpoints of the running digest (tamper evidence for deleted events); `run` mirrors the projections. */
@Module({})
export class CheckpointWriterModule {
  static forRoot(options: { readonly run: boolean }): DynamicModule {
    return {
      module: CheckpointWriterModule,
      providers: [{ provide: CHECKPOINT_WRITER_OPTIONS, useValue: options }, CheckpointWriterHost],
      exports: [CheckpointWriterHost],
    };
  }
}
