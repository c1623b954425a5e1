export async function main(argv: string[]): Promise<number> {
  console.log('smtp-sim', argv.join(' '));
  return 0;
}
