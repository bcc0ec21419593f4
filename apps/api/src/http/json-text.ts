import { Header } from '@nestjs/common';

/**
 * For a handler that returns JsonText (JSON the database wrote): Fastify sends a string as it is, and this gives it
 * the content type an object's JSON gets. An error still goes out as a problem document, with its own type.
 */
export const SendsJsonText = () => Header('content-type', 'application/json; charset=utf-8');
