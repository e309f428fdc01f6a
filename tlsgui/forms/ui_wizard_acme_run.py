# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'wizard_acme_run.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QMetaObject)
from PySide6.QtWidgets import (QLabel, QPlainTextEdit, QPushButton, QVBoxLayout)

class Ui_WizardAcmeRun(object):
    def setupUi(self, WizardAcmeRun):
        if not WizardAcmeRun.objectName():
            WizardAcmeRun.setObjectName(u"WizardAcmeRun")
        WizardAcmeRun.resize(640, 520)
        self.run_layout = QVBoxLayout(WizardAcmeRun)
        self.run_layout.setObjectName(u"run_layout")
        self.log = QPlainTextEdit(WizardAcmeRun)
        self.log.setObjectName(u"log")
        self.log.setReadOnly(True)

        self.run_layout.addWidget(self.log)

        self.error_label = QLabel(WizardAcmeRun)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.run_layout.addWidget(self.error_label)

        self.cancel_button = QPushButton(WizardAcmeRun)
        self.cancel_button.setObjectName(u"cancel_button")

        self.run_layout.addWidget(self.cancel_button)


        self.retranslateUi(WizardAcmeRun)

        QMetaObject.connectSlotsByName(WizardAcmeRun)
    # setupUi

    def retranslateUi(self, WizardAcmeRun):
        WizardAcmeRun.setTitle(QCoreApplication.translate("WizardAcmeRun", u"Getting the certificate", None))
        WizardAcmeRun.setSubTitle(QCoreApplication.translate("WizardAcmeRun", u"tlsgui talks to the CA; this takes from seconds to a minute. Nothing is installed before Finish.", None))
        self.error_label.setText("")
        self.cancel_button.setText(QCoreApplication.translate("WizardAcmeRun", u"Cancel the order", None))
    # retranslateUi

