import * as fs from 'node:fs';
import { Controller, Get, Header, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../auth/access.decorators';
import { exportRoles } from '../auth/permissions';
import { ExportsService } from './exports.service';

/**
 * Signed audit exports for the revisor and STYV: make one of the history as it is now, list them, and
 * download every file of one – then verify it offline with the `verify-export.js` it carries.
 */
@ApiTags('revisjon')
@ApiBearerAuth()
@AllowRoles(...exportRoles)
@Controller('api/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Lag en ny signert revisjonseksport av hele historikken' })
  async create() {
    const { id, eventCount, merkleRoot, chainHead, signingKeyFingerprint, previous, created } =
      await this.exports.create();
    return {
      id,
      created,
      eventCount,
      merkleRoot,
      chainHead,
      signingKeyFingerprint,
      previous,
      href: `/api/exports/${id}`,
    };
  }

  @Get()
  @ApiOperation({ summary: 'Eksportene som finnes, eldste først' })
  list() {
    return this.exports.list().map((id) => ({ id, href: `/api/exports/${id}` }));
  }

  @Get('public-key')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiOperation({
    summary:
      'Den offentlige nøkkelen eksportene verifiseres med (fest den ved å få den utenfor tjenesten også)',
  })
  publicKey() {
    return this.exports.publicKey();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Manifestet og filene i én eksport' })
  describe(@Param('id') id: string) {
    const listing = this.exports.describe(id);
    return {
      ...listing,
      files: listing.files.map((file) => ({ ...file, href: `/api/exports/${id}/files/${file.path}` })),
    };
  }

  @Get(':id/files/*file')
  @ApiOperation({ summary: 'Last ned én fil fra en eksport' })
  file(@Param('id') id: string, @Param('file') file: string | string[]) {
    const name = Array.isArray(file) ? file.join('/') : file;
    const { fd, size } = this.exports.openFile(id, name);
    return new StreamableFile(fs.createReadStream(name, { fd }), {
      type: contentTypeOf(name),
      disposition: `attachment; filename="${name}"`,
      length: size,
    });
  }
}

const contentTypeOf = (file: string): string => {
  if (file.endsWith('.json')) return 'application/json';
  if (file.endsWith('.jsonl')) return 'application/jsonl';
  if (file.endsWith('.csv')) return 'text/csv; charset=utf-8';
  if (file.endsWith('.html')) return 'text/html; charset=utf-8';
  if (file.endsWith('.js')) return 'text/javascript; charset=utf-8';
  return 'application/octet-stream';
};
