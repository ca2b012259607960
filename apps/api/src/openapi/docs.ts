import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { roleNames, roles } from '@styring/app';

export const docsPath = 'docs';
export const openApiPath = 'openapi.json';

/**
 * The OpenAPI description at `/openapi.json` and a browsable page at `/docs`. The page's scripts and
 * styles are served from the installed `swagger-ui-dist`, never from a CDN, so it works offline.
 */
export const setUpDocs = (app: INestApplication): void => {
  const config = new DocumentBuilder()
    .setTitle('styring – helhetlig styring som hendelseslogg')
    .setDescription(
      'Vedtak, planer, porteføljer, risiko og rapportering i Lørenskog kommune som en uforanderlig historikk. ' +
        'Alle kall unntatt /health krever et Bearer-token. Roller: ' +
        roles.map((role) => `\`${role}\` (${roleNames[role]})`).join(', ') +
        '. Lesinger av ressurser med egen hendelsesstrøm gir `ETag`; send den som `If-Match` når du skriver.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addTag(
      'revisjon',
      'Alt revisor kan lese: registrene på begge klokker (asOf, clock), lister i sider (pageSize, cursor) og som CSV (Accept: text/csv)',
    )
    .build();
  SwaggerModule.setup(docsPath, app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: openApiPath,
    customSiteTitle: 'styring API',
    swaggerOptions: { persistAuthorization: true },
  });
};
