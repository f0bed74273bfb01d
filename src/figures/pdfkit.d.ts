/** pdfkit ships no type declarations; src/figures/pdf.ts types the part of its API it uses. */
declare module 'pdfkit';
