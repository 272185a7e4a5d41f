/** "+13035550142" reads as "(303) 555-0142"; numbers from elsewhere keep their international form. */
export function nationalPhone(e164: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : e164;
}
